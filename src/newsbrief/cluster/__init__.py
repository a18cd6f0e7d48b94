"""Story clustering of a mixed article stream, and near-duplicate (syndicated copy) detection."""

from newsbrief.cluster.metrics import adjusted_rand_index, bcubed
from newsbrief.cluster.stories import (
    ArticleFeatures,
    Assignment,
    StoryClusterer,
    article_features,
    cluster_articles,
)
from newsbrief.duplicates import DuplicateIndex, near_duplicate_groups

__all__ = [
    "ArticleFeatures",
    "Assignment",
    "DuplicateIndex",
    "StoryClusterer",
    "adjusted_rand_index",
    "article_features",
    "bcubed",
    "cluster_articles",
    "near_duplicate_groups",
]
