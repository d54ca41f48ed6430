"""The offender record page: its tabs (summary, registration, risk with the RM2000 calculator, visits,
MAPPA and the risk management plan, audit) and their forms."""
