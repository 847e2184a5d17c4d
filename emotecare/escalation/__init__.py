"""What happens after the safety check fires, whatever fired it (chat, journal, PHQ-9 item 9).

The safety package decides *whether* there is a crisis and what to say; this package
stores the safety event the therapist sees, works out who the patient's therapist is,
shapes the crisis part of the API answer and sends the therapist alert the patient asks for.
"""
