import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as linkedin from '../src';

describeProvider(linkedin);
describeEndToEnd(linkedin);
