"""complaints_report: statutory annual social care complaints reports for English councils.

The library holds the rules (working days, timescales, outcomes), the input contract
(loading and validating council exports), the metrics, the charts and the rendering.
Notebooks and ``report.qmd`` call it; they do not calculate.
"""

__version__ = "0.1.0"
