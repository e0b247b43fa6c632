"""Parse an export with chat-miner; write its messages as JSON lines (timestamp, sender, text)."""

import logging
import sys

from chatminer.chatparsers import WhatsAppParser

logging.disable(logging.CRITICAL)
parser = WhatsAppParser(sys.argv[1])
parser.parse_file()
frame = parser.parsed_messages.get_df(as_pandas=True)
frame = frame.rename(columns={"author": "sender", "message": "text"})
frame["timestamp"] = frame["timestamp"].dt.strftime("%Y-%m-%dT%H:%M:%S")
frame = frame.iloc[::-1]  # chat-miner returns the newest message first
frame[["timestamp", "sender", "text"]].to_json(
    sys.argv[2], orient="records", lines=True, force_ascii=False
)
