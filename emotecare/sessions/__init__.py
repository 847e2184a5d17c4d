"""Live sessions: lifecycle, consent to analysis, WebRTC signalling."""
