"""Deployment of EmoteCare to AWS: template generation, IAM from the code, the scripts' steps."""
