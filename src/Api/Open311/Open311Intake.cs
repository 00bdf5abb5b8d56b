using GridActors.Api.Events;
using GridActors.Grains.Topology;

namespace GridActors.Api.Open311;

/// <summary>
/// <c>POST requests</c>: the form read as a report and filed through the same intake as every other report, as
/// the upstream system. An <c>Idempotency-Key</c> header makes a retried POST file once, and is the request's
/// token; the answer is 201 for a new request, 200 for a retry.
/// </summary>
public static class Open311Intake
{
    public static async Task<IResult> Submit(
        string format, HttpRequest request, Open311Systems systems, Open311RequestForm forms, Open311Requests requests,
        ReportIntake intake, CountyTopology topology)
    {
        if (Open311Format.Parse(format) is not { } answer)
        {
            return Open311Endpoints.UnknownFormat(request);
        }
        if (!request.HasFormContentType)
        {
            return Open311Result.Error(StatusCodes.Status400BadRequest,
                "POST requests takes a form: application/x-www-form-urlencoded or multipart/form-data.", answer);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException malformed)
        {
            // A multipart body without its boundary, too many fields, a field too long: the form cannot be read.
            return Open311Result.Error(StatusCodes.Status400BadRequest, $"The form cannot be read: {malformed.Message}", answer);
        }
        var (system, refused) = Open311Endpoints.Authenticate(form["api_key"].FirstOrDefault() ?? request.Query["api_key"], systems, answer);
        if (refused is not null)
        {
            return refused;
        }
        var submission = forms.Read(form, system!);
        if (submission.Report is not { } report)
        {
            return Open311Result.Errors(submission.Status, submission.Errors, answer);
        }

        var token = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await intake.Submit(report, system!.Caller(topology), token);
        var accountId = form["account_id"].FirstOrDefault();
        switch (result.Status)
        {
            case StatusCodes.Status201Created or StatusCodes.Status200OK:
                request.HttpContext.Response.Headers.Location = $"{Open311Endpoints.Root}/v2/requests/{result.Event!.Id}.{answer.Extension}";
                return new Open311Result(result.Status, requests.Created(result.Event, accountId), answer);
            case StatusCodes.Status400BadRequest:
                return Open311Result.Errors(StatusCodes.Status400BadRequest, Open311RequestForm.Describe(result.Errors!), answer);
            case StatusCodes.Status403Forbidden:
                return Open311Result.Error(StatusCodes.Status403Forbidden, "The location lies outside the township this api_key may file in.", answer);
            default:
                return Open311Result.Error(result.Status, result.Detail ?? "The request was not filed.", answer);
        }
    }
}
