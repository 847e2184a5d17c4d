from tests.support.people import other_patient, other_therapist, patient, therapist  # noqa: F401
