"""Bookings: claiming slots atomically, the booking lifecycle, mails, reminders and notes."""
