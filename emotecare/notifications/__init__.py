"""Outgoing e-mail (Amazon SES) rendered from jinja2 templates, and calendar invites."""
