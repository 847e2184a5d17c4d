"""Treatment plans: goals tied to measures the product already stores, interventions with
homework, a patient-facing part, every version kept, and progress computed on reading."""
