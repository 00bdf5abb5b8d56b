using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GridActors.LoadTest.Storm;

/// <summary>
/// Signs a client in as the video feed (<c>POST /api/auth/dev-token</c> with role <c>feed</c>, scope
/// <c>video</c>): the only caller the alarm endpoint takes, as the city is the only one that reads every case back.
/// </summary>
public static class FeedSignIn
{
    public static async Task SignInAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/dev-token", new { role = "feed", scope = "video" }, cancellationToken);
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.Token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
