"""A share's expiry becomes a day (the last day it opens): a moment to the microsecond told when it was made."""

from django.db import migrations, models
from django.utils import timezone


def to_days(apps, schema_editor):
    Share = apps.get_model("plans", "Share")
    for share in Share.objects.only("pk", "expires_at").iterator():
        # The day of the old expiry moment, in Haven's time zone: the share stays open at least as long as promised.
        Share.objects.filter(pk=share.pk).update(expires_on=timezone.localdate(share.expires_at))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.AddField(model_name="share", name="expires_on", field=models.DateField(null=True)),
        migrations.RunPython(to_days, migrations.RunPython.noop),
        migrations.RemoveField(model_name="share", name="expires_at"),
        migrations.AlterField(model_name="share", name="expires_on", field=models.DateField()),
    ]
