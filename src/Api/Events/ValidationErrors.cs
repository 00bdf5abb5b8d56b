namespace GridActors.Api.Events;

/// <summary>Collects field errors in the shape of <c>ValidationProblem</c>: field name → messages.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public void RequireLength(string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{field} is required.");
            }
        }
        else if (value.Length > max)
        {
            Add(field, $"{field} is at most {max} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            // Stored, such a character would break what writes the case as XML (Open311) or to a terminal.
            Add(field, $"{field} holds a control character; text may break lines and tab, nothing else.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
