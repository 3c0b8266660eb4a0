"""E-mail alerts over STARTTLS and over SSL, with a login, to real aiosmtpd servers."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from alertkit import Mailbox, free_port
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from alerts import RenderedMessage
from alerts.channels import Channel
from core.errors import DeliveryError

USER, PASSWORD = "canh.bao", "Mat-khau-SMTP-2025"


@pytest.fixture(scope="module")
def tls_context(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    """A server context with a fresh self-signed certificate for 127.0.0.1."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    folder: Path = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(), PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@pytest.fixture(params=["starttls", "ssl"])
def secure_smtp(request: pytest.FixtureRequest, tls_context: ssl.SSLContext) -> Iterator[tuple[str, Mailbox]]:
    mailbox, port = Mailbox(), free_port()
    options: dict[str, Any] = {"authenticator": _authenticator}
    if request.param == "starttls":
        options.update(tls_context=tls_context, require_starttls=True, auth_require_tls=True)
    else:  # the whole connection is TLS (aiosmtpd only counts STARTTLS for auth_require_tls)
        options.update(ssl_context=tls_context, auth_require_tls=False)
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, server_hostname="127.0.0.1", **options)
    controller.start()
    url = (f"mailtos://{USER}:{PASSWORD}@127.0.0.1:{port}?mode={request.param}&verify=no"
           "&from=portalwatch@example.vn&to=ban.tgdv@example.vn")
    yield url, mailbox
    controller.stop()


def test_secure_email_logs_in_and_delivers(secure_smtp: tuple[str, Mailbox]) -> None:
    url, mailbox = secure_smtp
    channel = Channel.open(url)
    assert channel.fmt == "html" and PASSWORD not in channel.masked
    channel.send(RenderedMessage(title="Văn bản mới: Nghị quyết 17-NQ/HU", body="<b>Nghị quyết 17-NQ/HU</b>"))
    (mail,) = mailbox.messages
    assert mail["Subject"] == "Văn bản mới: Nghị quyết 17-NQ/HU"
    assert mail["To"] == "ban.tgdv@example.vn"
    part = mail.get_body(preferencelist=("html",))
    assert part is not None and "<b>Nghị quyết 17-NQ/HU</b>" in part.get_content()


def test_wrong_password_is_refused_without_revealing_it(secure_smtp: tuple[str, Mailbox]) -> None:
    url, mailbox = secure_smtp
    channel = Channel.open(url.replace(PASSWORD, "Sai-mat-khau-99"))
    with pytest.raises(DeliveryError) as refused:
        channel.send(RenderedMessage(title="t", body="b"))
    assert "Sai-mat-khau-99" not in str(refused.value) and mailbox.messages == []
