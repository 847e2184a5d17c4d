"""EmoteCare: shared domain code for the API, the Lambdas and the local stack."""
