using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace GridActors.LoadTest.Cli;

/// <summary>
/// The kinds of option the drills take, each with its check and its message in one place, so that every command
/// refuses a bad value the same way (a clear error, exit code 2) and keeps the names scripts already call.
/// </summary>
public static class DrillOption
{
    public const string LocalApi = "http://127.0.0.1:5080";

    /// <summary><c>--url</c>: an absolute URL, the local Api when left out.</summary>
    public static Option<Uri> Url() => new("--url")
    {
        Description = "Base address of the Api.",
        HelpName = "url",
        DefaultValueFactory = _ => new Uri(LocalApi),
        CustomParser = result =>
        {
            var text = Single(result);
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }
            result.AddError($"--url '{text}' is not an absolute http(s) URL.");
            return null;
        },
    };

    /// <summary>
    /// A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, <paramref name="fallback"/> when
    /// left out.
    /// </summary>
    public static Option<int> Count(string name, int fallback, string description, int minimum = 1, int maximum = int.MaxValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseCount(result, name, minimum, maximum) ?? 0,
    };

    /// <summary>A fraction from 0 to 1 (<c>0.01</c> is one in a hundred), <paramref name="fallback"/> when left out.</summary>
    public static Option<double> Share(string name, double fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "0..1",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = Single(result);
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
            {
                return value;
            }
            result.AddError($"{name} must be a fraction from 0 to 1, not '{text}'.");
            return 0;
        },
    };

    /// <summary>As <see cref="Count"/>, null when left out: the option's absence means something of its own.</summary>
    public static Option<int?> OptionalCount(string name, string description, int minimum = 1) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = result => ParseCount(result, name, minimum),
    };

    /// <summary>
    /// <c>--name true|false</c>; the bare name means true. A word that is neither is refused as a stray argument,
    /// since the parser takes the next word for a flag only when it reads as true or false.
    /// </summary>
    public static Option<bool> Flag(string name, bool fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "true|false",
        DefaultValueFactory = _ => fallback,
    };

    /// <summary>Free text, null when left out unless a fallback is given.</summary>
    public static Option<string?> Text(string name, string description, string? fallback = null, bool required = false)
    {
        var option = new Option<string?>(name) { Description = description, Required = required, HelpName = "text" };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }
        return option;
    }

    private static int? ParseCount(ArgumentResult result, string name, int minimum, int maximum = int.MaxValue)
    {
        var text = Single(result);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }
        result.AddError(maximum == int.MaxValue
            ? $"{name} must be a whole number of at least {minimum}, not '{text}'."
            : $"{name} must be a whole number from {minimum} to {maximum}, not '{text}'.");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
