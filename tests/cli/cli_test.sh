echo "SKIPPED: not written yet"
