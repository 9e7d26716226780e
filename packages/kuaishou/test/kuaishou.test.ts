import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as kuaishou from '../src';

describeProvider(kuaishou);
describeEndToEnd(kuaishou);
