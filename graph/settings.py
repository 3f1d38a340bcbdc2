"""Settings from the environment (prefix ``XUNCHA_``), obtained through ``get_settings``.

Tests override them by passing a ``Settings`` explicitly; nothing reads the
environment at import time.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
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

    session_idle_minutes: float = Field(default=30, gt=0, title="登录会话空闲超时（分钟）")
    session_max_hours: float = Field(default=12, gt=0, title="登录会话最长时间（小时）")
    cookie_secure: bool = Field(default=False, title="会话 Cookie 仅经 HTTPS 发送",
                                description="内网用 http 时保持 false；经 HTTPS 提供服务时设为 true")
    login_max_failures: int = Field(default=5, ge=1, title="同一账号名登录失败上限（窗口内）")
    login_max_failures_per_ip: int = Field(default=20, ge=1, title="同一客户端地址登录失败上限（窗口内）")
    login_lock_minutes: int = Field(default=15, ge=1, title="登录失败计数窗口与锁定时间（分钟）")

    console_max_rows: int | None = Field(default=None, ge=1, title="Cypher 控制台行数上限（不设为默认）")
    console_max_bytes: int | None = Field(default=None, ge=1, title="Cypher 控制台结果字节上限（不设为默认）")
    console_timeout_s: float | None = Field(default=None, gt=0, title="Cypher 控制台事务超时秒数（不设为默认）")

    county: str = Field(default="", title="本机构所在县（市、区）",
                        description="不设置时读数据目录的 office.json（xuncha init --county 写入）")
    city: str = Field(default="", title="所属市（州）")

    @property
    def office_file(self) -> Path:
        return self.data_dir / OFFICE_FILE

    def office(self) -> Office:
        """The office's county and city: ``office.json`` in the data folder, overridden by XUNCHA_COUNTY/CITY."""
        office = read_office(self.data_dir)
        update = {k: v for k, v in (("county", self.county.strip()), ("city", self.city.strip())) if v}
        return office.model_copy(update=update) if update else office

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


OFFICE_FILE = "office.json"


class Office(BaseModel):
    """Which county the office works in (``xuncha init``): ledgers without a county column are of this county."""

    county: str = Field(default="", title="本机构所在县（市、区）")
    city: str = Field(default="", title="所属市（州）")
    set_at: str | None = Field(default=None, title="设置时间")


def read_office(data_dir: Path) -> Office:
    path = data_dir / OFFICE_FILE
    if not path.exists():
        return Office()
    return Office.model_validate(json.loads(path.read_text("utf-8")))


def write_office(data_dir: Path, county: str, city: str = "") -> Office:
    """Record the office's county beside the graph (0600, written whole or not at all)."""
    office = Office(county=county.strip(), city=city.strip(), set_at=datetime.now().isoformat(timespec="seconds"))
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (OFFICE_FILE + ".tmp")
    tmp.write_text(office.model_dump_json(indent=1), "utf-8")
    tmp.chmod(0o600)
    os.replace(tmp, data_dir / OFFICE_FILE)
    return office


def office_of(data_dir: Path) -> Office:
    """The office settings for a data folder, environment overrides included (read when called, not at import)."""
    return Settings(data_dir=data_dir).office()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
