"""The support calendar (现场支持时间表): month, week and team views, warnings, the plan."""
