"""Files in and out: CSV and workbook readers and writers, metadata, loading, atomic saves, history."""
