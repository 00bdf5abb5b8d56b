using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces.Grids;
using GridActors.Grains.Interfaces.Workers;
using GridActors.Grains.Routing;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Tests.Routing;

public sealed class RoutingPolicyTests
{
    private static readonly CategoryNode Hazard = new("hazard", "问题隐患", "Hazards", "normal", CategoryHandlers.Grid);
    private static readonly CategoryNode Fire = new("fire-hazard", "消防隐患", "Fire hazard", "urgent", CategoryHandlers.Department);
    private static readonly CategoryNode Sanitation = new("sanitary-city", "创卫", "Sanitary city", "normal", CategoryHandlers.Grid);
    private static readonly DepartmentNode Emergency = new("emergency", "应急管理局", "Emergency", ["fire-hazard"]);
    private static readonly DispatchOptions Options = new() { GrabCategories = ["sanitary-city"], WorkerCapacity = 3 };

    private static WorkerStatus Worker(string id, int open, bool onDuty = true, int drill = 0) =>
        new(id, onDuty, open, Version: 1, DrillTasks: drill, [.. Enumerable.Range(0, open + drill).Select(i => $"{id}-case-{i}")]);

    [Fact]
    public void Decide_DepartmentCategory_GoesToItsDepartment()
    {
        var decision = RoutingPolicy.Decide(Fire, Emergency, [Worker("W1", 0)], Options);

        Assert.Equal(new RouteDecision(RouteKind.Department, "emergency"), decision);
    }

    [Fact]
    public void Decide_GrabCategory_OpensGrabbingEvenWithFreeWorkers()
    {
        var decision = RoutingPolicy.Decide(Sanitation, null, [Worker("W1", 0)], Options);

        Assert.Equal(RouteKind.Grab, decision.Kind);
    }

    [Fact]
    public void Decide_GridCategory_PicksTheLeastLoadedOnDutyWorker()
    {
        var decision = RoutingPolicy.Decide(Hazard, null, [Worker("W1", 2), Worker("W2", 1), Worker("W3", 0, onDuty: false)], Options);

        Assert.Equal(new RouteDecision(RouteKind.Worker, "W2"), decision);
    }

    [Fact]
    public void Decide_EqualLoad_GoesToTheLowerId()
    {
        var decision = RoutingPolicy.Decide(Hazard, null, [Worker("W7", 1), Worker("W3", 1)], Options);

        Assert.Equal("W3", decision.AssigneeId);
    }

    [Fact]
    public void Decide_NobodyOnDuty_OpensGrabbing()
    {
        var decision = RoutingPolicy.Decide(Hazard, null, [Worker("W1", 0, onDuty: false), Worker("W2", 0, onDuty: false)], Options);

        Assert.Equal(RouteKind.Grab, decision.Kind);
    }

    [Fact]
    public void Decide_EveryoneAtCapacity_OpensGrabbing()
    {
        var decision = RoutingPolicy.Decide(Hazard, null, [Worker("W1", 3), Worker("W2", 4)], Options);

        Assert.Equal(RouteKind.Grab, decision.Kind);
    }

    [Fact]
    public void Decide_ARealCase_IgnoresTheDrillsTasks()
    {
        var decision = RoutingPolicy.Decide(Hazard, null, [Worker("W1", 1, drill: 3), Worker("W2", 2)], Options);

        Assert.Equal("W1", decision.AssigneeId);
    }

    [Fact]
    public void Decide_ADrillCase_WeighsRealAndDrillTasks()
    {
        var roster = new[] { Worker("W1", 0, drill: 2), Worker("W2", 1) };

        var drillCase = RoutingPolicy.Decide(Hazard, null, roster, Options, drill: true);
        var realCase = RoutingPolicy.Decide(Hazard, null, roster, Options);
        var full = RoutingPolicy.Decide(Hazard, null, [Worker("W1", 1, drill: 2)], Options, drill: true);

        Assert.Equal("W2", drillCase.AssigneeId);
        Assert.Equal("W1", realCase.AssigneeId);
        Assert.Equal(RouteKind.Grab, full.Kind);
    }
}
