"""The domain model: dates, working days, the playbook's deadlines, where a handoff is up to, money,
and who records what next.
"""
