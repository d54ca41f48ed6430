"""somdesk: caseload, visits and risk assessments for police sex offender managers."""

__version__ = "0.1.0"
