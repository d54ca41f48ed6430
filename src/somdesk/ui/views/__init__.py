"""The main views, one class each: caseload, queues, visit planner, supervisor dashboard, MAPPA panel.
Each shows a workspace it is given (`show_workspace`) and forgets it on lock (`clear`)."""
