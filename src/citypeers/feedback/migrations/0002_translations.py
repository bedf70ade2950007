"""Survey texts in every language (django-modeltranslation): titles, introductions, questions."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_surveys"),
    ]

    operations = [
        migrations.AddField(
            model_name="question",
            name="choices_en",
            field=models.JSONField(blank=True, default=list, null=True, verbose_name="choices"),
        ),
        migrations.AddField(
            model_name="question",
            name="choices_fr",
            field=models.JSONField(blank=True, default=list, null=True, verbose_name="choices"),
        ),
        migrations.AddField(
            model_name="question",
            name="help_text_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="help"),
        ),
        migrations.AddField(
            model_name="question",
            name="help_text_fr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="help"),
        ),
        migrations.AddField(
            model_name="question",
            name="text_en",
            field=models.CharField(max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="question",
            name="text_fr",
            field=models.CharField(max_length=300, null=True, verbose_name="question"),
        ),
        migrations.AddField(
            model_name="surveytemplate",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="surveytemplate",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="surveytemplateversion",
            name="introduction_en",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="surveytemplateversion",
            name="introduction_fr",
            field=models.TextField(blank=True, null=True, verbose_name="introduction"),
        ),
    ]
