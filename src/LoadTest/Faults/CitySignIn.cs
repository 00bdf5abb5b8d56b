using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GridActors.LoadTest.Faults;

/// <summary>Signs a drill's client in as the city with a development token, waiting for an Api that is still starting.</summary>
public static class CitySignIn
{
    /// <returns>The token, for the dashboards the drill opens as well.</returns>
    public static async Task<string> SignInAsync(HttpClient http, PatientRequests requests)
    {
        var answer = await requests.Send(
            () => new HttpRequestMessage(HttpMethod.Post, "/api/auth/dev-token") { Content = JsonContent.Create(new { role = "city" }) },
            CancellationToken.None, HttpStatusCode.OK)
            ?? throw new InvalidOperationException("No development token: is the Api running with Auth:DevTokens on?");
        var token = answer.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }
}
