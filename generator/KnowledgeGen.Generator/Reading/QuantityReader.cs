using System.Globalization;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Quantities: <c>{ value, unit }</c> or a range <c>{ min, max, unit }</c>, optionally <c>approximate</c>.
/// Numbers are plain decimals; they are kept as normalised invariant text.
/// </summary>
internal static class QuantityReader
{
    public static QuantitySpec? Read(MapFields f, string field)
    {
        var node = f.Node(field);
        if (node is null)
            return null;
        if (node is not YamlMapping map)
        {
            f.Context.WrongKind(f.Describe(field), "a map such as { value: 40, unit: fighters killed } or { min: 7, max: 8, unit: ... }", node);
            return null;
        }
        var fields = new MapFields(f.Context, map, "the quantity of " + f.Owner, PackFileReader.QuantityFields);
        var unit = fields.Text("unit", required: true);
        var approximate = fields.Boolean("approximate");
        var value = Number(fields, "value");
        var min = Number(fields, "min");
        var max = Number(fields, "max");
        var owner = "The quantity of " + f.Owner;

        if (fields.Has("value") && (fields.Has("min") || fields.Has("max")))
        {
            f.Context.Report(DiagnosticRules.InvalidQuantity, map.Span, owner, "give either 'value' or 'min' and 'max', not both");
            return null;
        }
        if (!fields.Has("value") && !(fields.Has("min") && fields.Has("max")))
        {
            f.Context.Report(DiagnosticRules.InvalidQuantity, map.Span, owner,
                fields.Has("min") || fields.Has("max") ? "a range needs both 'min' and 'max'" : "it needs a 'value', or 'min' and 'max' for a range");
            return null;
        }
        if (unit is null)
            return null;
        if (fields.Has("value"))
            return value is null ? null : new QuantitySpec(Text(value.Value), Text(value.Value), unit, approximate);
        if (min is null || max is null)
            return null;
        if (min.Value > max.Value)
        {
            f.Context.Report(DiagnosticRules.InvalidQuantity, fields.Scalar("min")!.Span, owner,
                $"the range is inverted: min {Text(min.Value)} is greater than max {Text(max.Value)}; swap them");
            return null;
        }
        return new QuantitySpec(Text(min.Value), Text(max.Value), unit, approximate);
    }

    private static decimal? Number(MapFields fields, string name)
    {
        var scalar = fields.Scalar(name);
        if (scalar is null)
            return null;
        // White space around a number written in quotes (" 40 ") is not part of it, as around a date.
        var text = scalar.Value.Trim();
        if (!IsPlainNumber(text))
        {
            fields.Context.Report(DiagnosticRules.InvalidQuantity, scalar.Span, MapFields.Capitalized(fields.Owner),
                $"'{name}' is '{text}', which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)");
            return null;
        }
        // A number the runtime's decimal cannot hold exactly would come out rounded, or not at all: said, not changed.
        if (SignificantDigits(text) > MaxDigits
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            fields.Context.Report(DiagnosticRules.InvalidQuantity, scalar.Span, MapFields.Capitalized(fields.Owner),
                $"'{name}' is '{text}', which has more digits than a quantity holds exactly ({MaxDigits} at most, not counting zeros before the first digit of the whole part); round it");
            return null;
        }
        return value;
    }

    // What a decimal holds exactly: 28 digits, whatever side of the point they stand.
    private const int MaxDigits = 28;

    // The digits of the whole part without its leading zeros, and every digit after the point (a trailing 0 counts: 7.50
    // keeps it; so do the zeros just after the point of a small number, which a decimal keeps as digits of its scale).
    private static int SignificantDigits(string text)
    {
        var point = text.IndexOf('.');
        var integer = (point < 0 ? text : text.Substring(0, point)).TrimStart('-').TrimStart('0');
        var fraction = point < 0 ? "" : text.Substring(point + 1);
        return integer.Length + fraction.Length;
    }

    private static bool IsPlainNumber(string text)
    {
        if (text.Length == 0)
            return false;
        var i = text[0] == '-' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
                digits++;
            else if (c == '.' && !dot && digits > 0)
                dot = true;
            else
                return false;
        }
        return digits > 0 && text[text.Length - 1] != '.';
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
