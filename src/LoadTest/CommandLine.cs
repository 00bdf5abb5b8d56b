using System.Globalization;

namespace GridActors.LoadTest;

/// <summary>The drills' command lines: <c>--name value</c> pairs, each name known to the drill, counts checked.</summary>
public static class CommandLine
{
    /// <exception cref="ArgumentException">An argument is not a pair, or a name is not among <paramref name="known"/>.</exception>
    public static Dictionary<string, string> Pairs(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"'{args[i]}' is not a --name value pair.");
            }
            values[args[i][2..]] = args[++i];
        }
        var unknown = values.Keys.Except(known).ToList();
        return unknown.Count == 0 ? values : throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown)}.");
    }

    /// <summary>The whole number given for <paramref name="name"/>, at least <paramref name="minimum"/>, or the fallback.</summary>
    public static int Count(IReadOnlyDictionary<string, string> values, string name, int fallback, int minimum = 1)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"--{name} must be a whole number of at least {minimum}, not '{text}'.");
    }

    /// <summary>An absolute URL given for <c>--url</c>, or the local Api.</summary>
    public static Uri Url(IReadOnlyDictionary<string, string> values)
    {
        var url = values.GetValueOrDefault("url", "http://127.0.0.1:5080");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--url '{url}' is not an absolute URL.");
    }

    /// <summary>
    /// Parses a drill's command line, or prints why it could not and the usage lines: false means exit with 2.
    /// </summary>
    public static bool TryParse<T>(Func<T> parse, out T options, params string[] usage)
    {
        try
        {
            options = parse();
            return true;
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            foreach (var line in usage)
            {
                Console.Error.WriteLine(line);
            }
            options = default!;
            return false;
        }
    }
}
