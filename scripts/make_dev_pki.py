"""Makes the development PKI committed in reports/devpki/: a test CA and one PKCS#12 signing
certificate per central agency. For demos and tests only: the CA's name says so, and production
must point SIGNING_KEYS_DIR and SIGNING_TRUST_ROOTS at the agencies' real certificates.

Run: .venv/bin/python scripts/make_dev_pki.py
"""

import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

OUT = Path(__file__).resolve().parent.parent / "reports" / "devpki"
PASSPHRASE = b"dev-only"
AGENCIES = {
    "vss": "Bảo hiểm xã hội Việt Nam (DEV)",
    "moh": "Bộ Y tế (DEV)",
    "default": "Cơ quan thử nghiệm (DEV)",
}
START = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
END = datetime.datetime(2045, 1, 1, tzinfo=datetime.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Coordination DEV PKI - not for use"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = _key()
    name = _name("Coordination DEV Root CA")
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(START)
        .not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _signer(ca_key: rsa.RSAPrivateKey, ca: x509.Certificate, common_name: str) -> bytes:
    key = _key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(START)
        .not_valid_after(END)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(PASSPHRASE)
    return pkcs12.serialize_key_and_certificates(common_name.encode(), key, cert, [ca], encryption)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ca_key, ca = _ca()
    (OUT / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    for code, common_name in AGENCIES.items():
        (OUT / f"{code}.p12").write_bytes(_signer(ca_key, ca, common_name))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
