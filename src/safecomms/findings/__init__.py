"""Screening in the app: checking a draft before it is sent, and feedback on findings.

The engine is `safecomms.screening`; this app puts it in front of staff (the "Check a message"
page and `POST /api/v1/screen`) and collects their view of its findings on records (false
positives, with reasons), so that its word lists can be tuned with evidence.
"""
