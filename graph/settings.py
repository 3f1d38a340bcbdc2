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

    id_salt: SecretStr = Field(default=SecretStr(""), title="身份证号摘要密钥",
                               description="不设置时在数据目录生成并保存（id_salt 文件）；同一机构各处须一致")

    @property
    def embedded_path(self) -> Path:
        return self.data_dir / "graph.sqlite"

    @property
    def alias_table(self) -> Path:
        return self.data_dir / "unit_aliases.csv"

    def salt(self) -> str:
        """The key for ID-number digests: set by the office, or made once and kept beside the data."""
        if self.id_salt.get_secret_value():
            return self.id_salt.get_secret_value()
        path = self.data_dir / "id_salt"
        if not path.exists():
            import secrets

            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(16), "utf-8")
            path.chmod(0o600)
        return path.read_text("utf-8").strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
