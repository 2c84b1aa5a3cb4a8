using System;
using System.Globalization;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Dates at the precision the documents support: <c>2021-09-02</c> (day), <c>2021-09</c> (month),
/// <c>2021</c> (year), or <c>{ date: 2021-09-02, precision: approximate }</c>.
/// </summary>
internal static class DateReader
{
    public static DateSpec? Read(MapFields f, string field)
    {
        var node = f.Node(field);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar:
                return Parse(f, field, scalar, precisionText: null, precisionSpan: default);
            case YamlMapping map:
                var fields = new MapFields(f.Context, map, $"the date in '{field}' of {f.Owner}", PackFileReader.DateFields);
                var date = fields.Scalar("date", required: true);
                var precision = fields.Word("precision");
                return date is null ? null : Parse(f, field, date, precision?.Value, precision?.Span ?? default);
            default:
                f.Context.WrongKind(f.Describe(field), "a date such as 2021-09-02, 2021-09 or 2021, or { date, precision }", node);
                return null;
        }
    }

    private static DateSpec? Parse(MapFields f, string field, YamlScalar scalar, string? precisionText, SourceSpan precisionSpan)
    {
        var text = scalar.Value.Trim();
        var parts = text.Split('-');
        if (parts.Length > 3 || !IsDigits(parts[0]))
            return Invalid("write it as yyyy-MM-dd, yyyy-MM or yyyy, such as 2021-09-02");
        if (!ParsePart(parts[0], 4, out var year))
            return Invalid("write the year with four digits, such as 2021");
        if (year < 1)
            return Invalid("the year must be 0001 or later");
        var month = 1;
        var day = 1;
        if (parts.Length >= 2 && !ParsePart(parts[1], 2, out month))
            return Invalid(IsDigits(parts[1]) ? "write the month with two digits, such as 09" : "write it as yyyy-MM-dd, yyyy-MM or yyyy, such as 2021-09-02");
        if (parts.Length >= 2 && (month < 1 || month > 12))
            return Invalid("the month must be 01 to 12");
        if (parts.Length == 3 && !ParsePart(parts[2], 2, out day))
            return Invalid(IsDigits(parts[2]) ? "write the day with two digits, such as 02" : "write it as yyyy-MM-dd, yyyy-MM or yyyy, such as 2021-09-02");
        if (parts.Length == 3 && (day < 1 || day > DateTime.DaysInMonth(year, month)))
            return Invalid($"{year:D4}-{month:D2} has no day {parts[2]}");

        var written = parts.Length switch { 1 => DatePrecisionSpec.Year, 2 => DatePrecisionSpec.Month, _ => DatePrecisionSpec.Day };
        if (precisionText is null)
            return new DateSpec(year, month, day, written);

        var precision = Array.IndexOf(PackFileReader.DatePrecisions, precisionText);
        if (precision < 0)
        {
            f.Context.Report(DiagnosticRules.InvalidValue, precisionSpan, $"The field 'precision' of the date in '{field}' of {f.Owner}", precisionText,
                FieldHints.OneOf(PackFileReader.DatePrecisions));
            return new DateSpec(year, month, day, written);
        }
        var requested = (DatePrecisionSpec)precision;
        var expected = requested == DatePrecisionSpec.Approximate ? DatePrecisionSpec.Day : requested;
        if (expected != written)
        {
            f.Context.Report(DiagnosticRules.InvalidDate, precisionSpan, f.Describe(field), text,
                $"precision '{precisionText}' needs the date written as {Format(expected)}");
            return new DateSpec(year, month, day, written);
        }
        return new DateSpec(year, month, day, requested);

        DateSpec? Invalid(string reason)
        {
            f.Context.Report(DiagnosticRules.InvalidDate, scalar.Span, f.Describe(field), text, reason);
            return null;
        }
    }

    private static string Format(DatePrecisionSpec precision) => precision switch
    {
        DatePrecisionSpec.Year => "yyyy",
        DatePrecisionSpec.Month => "yyyy-MM",
        _ => "yyyy-MM-dd",
    };

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
            if (c < '0' || c > '9')
                return false;
        return text.Length > 0;
    }

    private static bool ParsePart(string text, int digits, out int value)
    {
        value = 0;
        if (text.Length != digits)
            return false;
        foreach (var c in text)
            if (c < '0' || c > '9')
                return false;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
