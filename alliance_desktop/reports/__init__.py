"""ReportLab PDF builders: report data in, PDF out; no queries, no Qt."""
