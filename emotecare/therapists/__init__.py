"""Therapists: profiles, approval, weekly availability, free slots and matching."""
