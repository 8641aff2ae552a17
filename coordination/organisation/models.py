"""Provinces, agencies, their units, health facilities and the people who work in them.

All of it is data: provinces merge and agencies are reorganised, so no list of them lives in
code. The seed files under ``data/`` load the period of the background articles (2020–2024).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Person(AbstractUser):
    """A user of the system. Vietnamese names put the family name first: 'Nguyễn Văn A' is
    last_name 'Nguyễn Văn' and first_name 'A'."""

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def get_full_name(self) -> str:
        name = " ".join(part for part in (self.last_name, self.first_name) if part)
        return name or self.get_username()

    def get_short_name(self) -> str:
        return self.first_name or self.get_username()


class Province(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_city = models.BooleanField(_("centrally-run city"), default=False)
    place = models.CharField(
        _("place name on documents"), max_length=100, blank=True, help_text=_("If not the name.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        """'tỉnh Quảng Nam' or 'thành phố Hà Nội', as used after an agency's name."""
        return f"{'thành phố' if self.is_city else 'tỉnh'} {self.name}"

    @property
    def place_name(self) -> str:
        """The place written before the date on the province's documents."""
        return self.place or self.name


# The 13-character electronic exchange code of Decision 20/2020/QĐ-TTg: four levels, the top one
# last (``000.00.00.G18``: a ministry; ``000.00.49.G18``: its office in province 49).
EDXML_CODE_PATTERN = r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$"


class AgencyKind(models.TextChoices):
    CENTRAL = "central", _("Central agency")
    PROVINCIAL_SOCIAL_SECURITY = "provincial_social_security", _("Provincial Social Security")
    PROVINCIAL_HEALTH = "provincial_health", _("Provincial Department of Health")
    PEOPLES_COMMITTEE = "peoples_committee", _("Provincial People's Committee")


class Agency(models.Model):
    """An organisation that issues documents from its own register under its own symbol."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=20)
    kind = models.CharField(_("kind"), max_length=40, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT
    )
    place = models.CharField(_("place name on documents"), max_length=100, default="Hà Nội")
    edxml_code = models.CharField(
        _("edXML agency code"),
        max_length=13,
        blank=True,
        validators=[RegexValidator(EDXML_CODE_PATTERN, _("Write the code as 000.00.00.G18."))],
        help_text=_("Its code for electronic document exchange; empty if it exchanges none."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edxml_code"],
                condition=~models.Q(edxml_code=""),
                name="agency_edxml_code_unique",
            )
        ]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A department of an agency; its symbol follows the agency's in an official letter."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    symbol = models.CharField(_("unit symbol"), max_length=20)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "symbol"], name="unit_symbol_per_agency")
        ]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return f"{self.name} – {self.agency.symbol}"


class FacilityLevel(models.TextChoices):
    CENTRAL = "central", _("Central level")
    PROVINCIAL = "provincial", _("Provincial level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


class Facility(models.Model):
    """A health facility that provides insured care in a province."""

    code = models.CharField(_("facility code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=FacilityLevel.choices)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="facilities"
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_contracted = models.BooleanField(_("contracted for health insurance"), default=True)

    class Meta:
        ordering = ["province__name", "code"]
        verbose_name = _("health facility")
        verbose_name_plural = _("health facilities")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Role(models.TextChoices):
    DRAFTER = "drafter", _("Drafting officer")
    REVIEWER = "reviewer", _("Reviewer")
    UNIT_HEAD = "unit_head", _("Unit head")
    LEGAL = "legal", _("Legal department")
    SIGNER = "signer", _("Signer")
    CLERK = "clerk", _("Clerk")
    PROVINCIAL_READER = "provincial_reader", _("Provincial reader")
    VERIFICATION_OFFICER = "verification_officer", _("Verification officer")
    ADMINISTRATOR = "administrator", _("Administrator")


class Authority(models.TextChoices):
    """How a signer signs when not signing as the head in person (Decree 30, Appendix I)."""

    OWN = "", _("In own name")
    DEPUTY = "KT.", _("KT. (deputy signing for the head)")
    ON_BEHALF = "TM.", _("TM. (on behalf of a collective)")
    BY_ORDER = "TL.", _("TL. (by order)")
    AUTHORISED = "TUQ.", _("TUQ. (authorised)")
    ACTING = "Q.", _("Q. (acting)")


class Membership(models.Model):
    """A person's role in a unit, with the position printed in a signature block."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    position = models.CharField(_("position"), max_length=120, blank=True)
    authority = models.CharField(
        _("signs as"), max_length=5, choices=Authority.choices, blank=True, default=""
    )
    principal_position = models.CharField(
        _("position signed for"),
        max_length=120,
        blank=True,
        help_text=_("For KT., TM., TL., TUQ. or Q.: the position of the head, e.g. Tổng Giám đốc."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="one_role_per_unit")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class Delegation(models.Model):
    """A signer or unit head away hands a role to a deputy for a date range. The deputy then acts
    in that role, and signs ``KT.`` + the principal's position (Decree 30)."""

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegated by"),
        on_delete=models.CASCADE,
        related_name="delegations_given",
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deputy"),
        on_delete=models.CASCADE,
        related_name="delegations_received",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("role delegated"),
        on_delete=models.CASCADE,
        related_name="delegations",
    )
    deputy_position = models.CharField(
        _("deputy's position"), max_length=120, help_text=_("e.g. Phó Tổng Giám đốc")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="delegation_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(principal=models.F("deputy")),
                name="delegation_not_to_oneself",
            ),
        ]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return f"{self.principal} → {self.deputy} ({self.starts_on}–{self.ends_on})"


class CoverageFigure(models.Model):
    """Health-insurance coverage of the whole country (no province) or of one province at the
    end of a year: participants, the share of the population, and the plan's attainment."""

    province = models.ForeignKey(
        Province, verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT
    )
    year = models.PositiveSmallIntegerField(_("year"))
    participants = models.PositiveBigIntegerField(_("participants"), null=True, blank=True)
    coverage_percent = models.DecimalField(
        _("coverage (% of population)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    plan_percent = models.DecimalField(
        _("plan attained (%)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    target_percent = models.DecimalField(
        _("coverage target (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["province__name", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year"], name="one_coverage_figure_per_place_year"
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(province__isnull=True),
                name="one_national_coverage_figure_per_year",
            ),
        ]
        verbose_name = _("coverage figure")
        verbose_name_plural = _("coverage figures")

    def __str__(self) -> str:
        return f"{self.province_id or 'VN'} {self.year}"
