"""factory_boy factories shared by the whole suite."""

from datetime import timedelta

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from coordination.organisation.models import Agency, AgencyKind, Delegation, Membership, Role, Unit
from workflows.documents.models import Document, DocumentKind

PASSWORD = "test-pass-2026"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"agency-{n}")
    name = factory.Sequence(lambda n: f"Cơ quan {n}")
    symbol = factory.Sequence(lambda n: f"CQ{n}")
    kind = AgencyKind.CENTRAL
    place = "Hà Nội"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("agency", "symbol")

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Ban {n}")
    symbol = factory.Sequence(lambda n: f"B{n}")


def staff_group() -> Group:
    group, _ = Group.objects.get_or_create(name="Staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    return group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"A{n}")
    last_name = "Nguyễn Văn"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def staff(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.groups.add(staff_group())
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.DRAFTER


class DelegationFactory(factory.django.DjangoModelFactory):
    """A role handed by its holder to a deputy, from today for three days."""

    class Meta:
        model = Delegation

    membership = factory.SubFactory(MembershipFactory, role=Role.UNIT_HEAD)
    principal = factory.SelfAttribute("membership.user")
    deputy = factory.SubFactory(UserFactory)
    deputy_position = "Phó Trưởng phòng"
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda delegation: delegation.starts_on + timedelta(days=3))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    kind = DocumentKind.OFFICIAL_LETTER
    subject = "Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế"
    body = "Bảo hiểm xã hội Việt Nam đề nghị các đơn vị thực hiện nghiêm túc."
    addressees = "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương"
    unit = factory.SubFactory(UnitFactory)
    agency = factory.SelfAttribute("unit.agency")
    created_by = factory.SubFactory(UserFactory)
    last_edited_by = factory.SelfAttribute("created_by")
