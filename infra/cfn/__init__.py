"""CloudFormation resources of the platform, one module per concern, built from code declarations."""
