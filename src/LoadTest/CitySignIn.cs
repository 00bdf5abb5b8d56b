using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridActors.LoadTest.Faults;

namespace GridActors.LoadTest;

/// <summary>
/// Signs a drill's client in as the city with a development token (<c>POST /api/auth/dev-token</c>), and sends
/// that token with every later request of the client.
/// </summary>
public static class CitySignIn
{
    /// <summary>Once: an Api that does not answer with a token fails the drill at its first request.</summary>
    /// <returns>The token.</returns>
    public static async Task<string> SignInAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var answer = await http.PostAsJsonAsync("/api/auth/dev-token", new { role = "city" }, cancellationToken);
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.Token;
        Authorize(http, token);
        return token;
    }

    /// <summary>Through <paramref name="requests"/>, waiting for an Api that is still starting.</summary>
    /// <returns>The token, for the dashboards the drill opens as well.</returns>
    public static async Task<string> SignInAsync(HttpClient http, PatientRequests requests)
    {
        var answer = await requests.Send(
            () => new HttpRequestMessage(HttpMethod.Post, "/api/auth/dev-token") { Content = JsonContent.Create(new { role = "city" }) },
            CancellationToken.None, HttpStatusCode.OK)
            ?? throw new InvalidOperationException("No development token: is the Api running with Auth:DevTokens on?");
        var token = answer.GetProperty("token").GetString()!;
        Authorize(http, token);
        return token;
    }

    private static void Authorize(HttpClient http, string token) =>
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
