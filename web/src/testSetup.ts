import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default: on a 2-core machine busy with a build, a screen that renders in
// 300 ms when quiet can take longer, and the test failed for the machine, not the code. What is awaited is the
// same; only the patience grows.
configure({ asyncUtilTimeout: 10_000 });
