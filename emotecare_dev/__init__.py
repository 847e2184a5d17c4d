"""Development-only code: never shipped to AWS (the API zip and the inference image carry
`emotecare/` alone). The local stack (`local`), the `emotecare` command (`cli`), the
expression-model training (`training`) and the crisis-model training (`safety`)."""
