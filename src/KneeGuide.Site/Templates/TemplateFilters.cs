using System.Globalization;
using Fluid;
using Fluid.Values;

namespace KneeGuide.Site.Templates;

/// <summary>Filters the theme may use beyond standard Liquid.</summary>
public static class TemplateFilters
{
    public static void Register(TemplateOptions options)
    {
        // {{ page.date | long_date: strings.dates.months, strings.dates.format }} -> 14 March 2026, or
        // 14 de marzo de 2026 with the Spanish theme words: the month names and the order come from
        // the theme's strings, not from .NET cultures, which this build does not carry
        // (InvariantGlobalization) and which would differ with each machine's ICU: the same on every
        // machine. Without arguments, English.
        options.Filters.AddFilter("long_date", (input, arguments, _) =>
        {
            var text = input.ToStringValue();
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new StringValue(text);
            }

            var months = arguments.Count > 0 ? arguments.At(0).ToStringValue().Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var format = arguments.Count > 1 ? arguments.At(1).ToStringValue() : "";
            var month = months.Length == 12 ? months[date.Month - 1] : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);
            return new StringValue((format.Length > 0 ? format : "{day} {month} {year}")
                .Replace("{day}", date.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{month}", month, StringComparison.Ordinal)
                .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        });

        // {% assign stops = ex.cautions | starting_with: strings.exercise.stop_if %}: the items that start
        // with the words (case-insensitive), those words cut off, so a "Stop if" heading is not repeated
        // by every bullet; not_starting_with gives the other items as they are.
        options.Filters.AddFilter("starting_with", (input, arguments, _) => Prefixed(input, arguments, keep: true));
        options.Filters.AddFilter("not_starting_with", (input, arguments, _) => Prefixed(input, arguments, keep: false));
    }

    private static ValueTask<FluidValue> Prefixed(FluidValue input, FilterArguments arguments, bool keep)
    {
        var prefix = arguments.At(0).ToStringValue().Trim();
        var items = input.Enumerate(new TemplateContext()).Select(v => v.ToStringValue());
        var result = new List<FluidValue>();
        foreach (var item in items)
        {
            var starts = prefix.Length > 0 && item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (item.Length == prefix.Length || !char.IsLetterOrDigit(item[prefix.Length]));
            if (starts && keep)
            {
                var rest = item[prefix.Length..].TrimStart(' ', ':', ',');
                result.Add(new StringValue(rest));
            }
            else if (!starts && !keep)
            {
                result.Add(new StringValue(item));
            }
        }

        return new ArrayValue(result);
    }
}
