using GridActors.Api.Contracts;
using GridActors.Api.Events;

namespace GridActors.Api.Tests.Events;

/// <summary>An action's fingerprint, which a case stores with the request key to know a retry from a second request.</summary>
public sealed class IdempotencyKeysTests
{
    [Fact]
    public void Fingerprint_OfABodyWithoutVolunteerId_IsTheOneCasesStoredBeforeTheFieldExisted() =>
        // SHA-256 of "dispatch\n" + the body as the API serialised it before volunteerId: every field, nulls too.
        Assert.Equal("c0f4171d122c526f4bfa87c0cd84f57e", IdempotencyKeys.Fingerprint("Dispatch", new ActionRequest(WorkerId: "W0001")));

    [Fact]
    public void Fingerprint_TellsBodiesApart_VolunteerIdIncluded()
    {
        var toWorker = IdempotencyKeys.Fingerprint("dispatch", new ActionRequest(WorkerId: "W0001"));
        var toVolunteer = IdempotencyKeys.Fingerprint("dispatch", new ActionRequest(VolunteerId: "V0001"));
        var toAnotherVolunteer = IdempotencyKeys.Fingerprint("dispatch", new ActionRequest(VolunteerId: "V0002"));

        Assert.Equal(3, new[] { toWorker, toVolunteer, toAnotherVolunteer }.Distinct().Count());
        Assert.Equal(toVolunteer, IdempotencyKeys.Fingerprint("dispatch", new ActionRequest(VolunteerId: "V0001")));
    }
}
