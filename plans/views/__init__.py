"""The planner's views, one module per area: space, parts, goals, sharing and export, staff."""
