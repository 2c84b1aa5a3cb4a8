using System;
using System.Globalization;
using KnowledgeGen.Generator.Diagnostics;
using KnowledgeGen.Generator.Model;

namespace KnowledgeGen.Generator.Reading;

/// <summary>
/// Quantities: <c>{ value, unit }</c> or a range <c>{ min, max, unit }</c>, optionally <c>approximate</c>.
/// Numbers are plain decimals; they are kept as normalised invariant text. schema/kg.schema.json holds the rule of
/// <see cref="IsNumber"/> as a pattern (a test keeps them in step).
/// </summary>
public static class QuantityReader
{
    internal static QuantitySpec? Read(MapFields f, string field)
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
            fields.Context.Report(DiagnosticRules.InvalidQuantity, scalar.Span, MapFields.Capitalized(fields.Owner), $"'{name}' is '{text}', {NotPlain(text)}");
            return null;
        }
        if (!TryParse(text, out var value))
        {
            fields.Context.Report(DiagnosticRules.InvalidQuantity, scalar.Span, MapFields.Capitalized(fields.Owner),
                $"'{name}' is '{text}', which has more digits than a quantity holds exactly ({MaxDigits} at most, not counting zeros before the first digit of the whole part); round it");
            return null;
        }
        return value;
    }

    /// <summary>
    /// Whether <paramref name="text"/>, without white space around it, is a number a quantity takes: written plainly, and with
    /// no more digits than a decimal holds exactly.
    /// </summary>
    public static bool IsNumber(string text) => IsPlainNumber(text) && TryParse(text, out _);

    // A number the runtime's decimal cannot hold exactly would come out rounded, or not at all: said, not changed.
    private static bool TryParse(string plain, out decimal value)
    {
        value = 0;
        return SignificantDigits(plain) <= MaxDigits
            && decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
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

    // Digits with an optional '-' before them and an optional '.' among them or at either end: 40, -3, 7.5, and .5, 7. and -.5,
    // which YAML 1.2's core schema reads as numbers too. A '+' and an exponent, which it also reads so, are refused (NotPlain).
    private static bool IsPlainNumber(string text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '0' && c <= '9')
                digits++;
            else if (c == '.' && !dot)
                dot = true;
            else
                return false;
        }
        return digits > 0;
    }

    // Why a text is not a number as a quantity writes it, and what to write: a number YAML reads as one but written with a '+'
    // or an exponent (+7, 1.5e3) is said to be so, with the number written plainly where a quantity holds it.
    private static string NotPlain(string text)
    {
        const string Exponent = "a number written with an exponent, which a quantity does not take";
        if (text.Length > 1 && text[0] == '+' && IsPlainNumber(text.Substring(1)))
            return $"a number written with '+', which a quantity does not take; write {Normalized(text.Substring(1))}";
        if (WrittenOut(text) is not { } written)
            return "which is not a number; write digits with an optional '-' and '.', without thousands separators (150000, 7.5)";
        return written.Length > 0 && SignificantDigits(written) <= MaxDigits
            ? $"{Exponent}; write it out: {Normalized(written)}"
            : $"{Exponent}, and written out it has more digits than a quantity holds exactly ({MaxDigits} at most); round it and write it out";
    }

    // A plain number as the generated code will hold it (7. is 7, .5 is 0.5), or as written when a decimal cannot hold it.
    private static string Normalized(string plain) => TryParse(plain, out var value) ? Text(value) : plain;

    // A number written with an exponent (1e3, -1.5E-2, +2.5e+1), moved into place as plain digits ("1000", "-0.015", "25"); "" when
    // the exponent is too large to write out, and null when the text is not such a number.
    private static string? WrittenOut(string text)
    {
        var e = text.IndexOfAny(new[] { 'e', 'E' });
        if (e <= 0 || e == text.Length - 1)
            return null;
        var mantissa = text.Substring(0, e);
        var sign = mantissa[0] == '-' ? "-" : "";
        if (mantissa[0] is '-' or '+')
            mantissa = mantissa.Substring(1);
        if (!IsPlainNumber(mantissa) || mantissa[0] == '-')
            return null;
        var exponentText = text.Substring(e + 1);
        var start = exponentText[0] is '-' or '+' ? 1 : 0;
        if (start == exponentText.Length)
            return null;
        for (var i = start; i < exponentText.Length; i++)
            if (exponentText[i] < '0' || exponentText[i] > '9')
                return null;
        if (exponentText.Length - start > 3)
            return "";
        var exponent = int.Parse(exponentText.Substring(start), CultureInfo.InvariantCulture) * (exponentText[0] == '-' ? -1 : 1);
        if (Math.Abs(exponent) > 2 * MaxDigits)
            return "";
        var point = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "");
        var at = (point < 0 ? mantissa.Length : point) + exponent;
        var written = at <= 0 ? "0." + new string('0', -at) + digits
            : at >= digits.Length ? digits + new string('0', at - digits.Length)
            : digits.Substring(0, at) + "." + digits.Substring(at);
        var whole = written.IndexOf('.') is var dot and >= 0 ? dot : written.Length;
        var zeros = 0;
        while (zeros < whole - 1 && written[zeros] == '0')
            zeros++;
        return sign + written.Substring(zeros);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
