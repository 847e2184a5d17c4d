"""Accounts: identities from Amazon Cognito, roles as groups, profiles in DynamoDB."""
