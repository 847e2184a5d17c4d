"""Secure messaging between a patient and their therapist (issue #18).

Asynchronous, like e-mail: `threads` is what the API calls (list, read, send), `parties`
decides who may write to whom, `store` keeps messages and inbox rows in DynamoDB (key-based
only), `notify` mails the other side at most once an hour per thread, without content.
"""
