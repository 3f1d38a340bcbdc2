"""Settings from the environment (prefix ``XUNCHA_``), obtained through ``get_settings``.

Tests override them by passing a ``Settings`` explicitly; nothing reads the
environment at import time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="XUNCHA_", extra="ignore")

    store: Literal["embedded", "neo4j"] = Field(default="embedded", title="存储后端")
    data_dir: Path = Field(default=Path("var"), title="本地数据目录")
    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687", title="Neo4j 地址",
                           validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(default=SecretStr(""), validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")
    neo4j_batch_size: int = Field(default=2000, ge=1, le=100_000, title="批量写入行数")

    @property
    def embedded_path(self) -> Path:
        return self.data_dir / "graph.sqlite"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
