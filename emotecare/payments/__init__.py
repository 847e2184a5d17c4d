"""Payments: prices and reduced fees, authorise at booking, capture at the session's end,
the cancellation policy, refunds, receipts, superbills, Stripe webhooks, reconciliation and
therapists' earnings. Stripe does the money; this package keeps our record of it."""
