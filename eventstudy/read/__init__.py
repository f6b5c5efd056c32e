"""The article reader: market-report text in, claimed index moves out.

>>> from eventstudy.read import read_article
>>> art = read_article("The FTSE 250 closed 0.5% higher at 21,000.5 on Tuesday.", published="2022-03-02")
>>> art.claims[0].ticker, art.claims[0].direction, str(art.claims[0].trading_date)
('^FTMC', 'up', '2022-03-01')
"""

from .model import Article, Claim
from .reader import check_consistency, read_article, read_file

__all__ = ["Article", "Claim", "read_article", "read_file", "check_consistency"]
