"""Parse an export with whatstk and write its messages as JSON lines (timestamp, sender, text)."""

import sys

from whatstk.whatsapp.parser import df_from_whatsapp

frame = df_from_whatsapp(sys.argv[1], max_size=None)
frame = frame.rename(columns={"date": "timestamp", "username": "sender", "message": "text"})
frame["timestamp"] = frame["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%S")
frame[["timestamp", "sender", "text"]].to_json(
    sys.argv[2], orient="records", lines=True, force_ascii=False
)
